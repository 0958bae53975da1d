"""The desktop reader: a thin PySide6 layer over reader.core."""
