// PLACEHOLDER (skeleton).
import Testing
