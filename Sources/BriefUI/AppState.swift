// PLACEHOLDER (skeleton).
import BriefCore
