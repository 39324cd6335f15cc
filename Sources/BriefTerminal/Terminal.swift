// PLACEHOLDER (skeleton).
import BriefUI
