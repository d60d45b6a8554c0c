"""termgen: guided interview to Word drafts for automotive partnership deals."""

__version__ = "0.1.0"
