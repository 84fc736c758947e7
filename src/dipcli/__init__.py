"""dipcli: who said what, with what stance, on which topics, in diplomatic texts."""

__version__ = "0.1.0"
