// PLACEHOLDER (skeleton): read/starred state.
import BriefCore
