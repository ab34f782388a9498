"""The network canvas: a QGraphicsScene that mirrors the document, its items and its view."""
