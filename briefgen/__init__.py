"""briefgen: a folder of news articles in, a one-page cited situation brief out."""

__version__ = "0.1.0"
