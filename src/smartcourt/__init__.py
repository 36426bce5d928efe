"""smartcourt: an open-source Smart Court platform (智慧法院平台) for the Chinese people's courts."""

__version__ = "0.1.0"
