"""The REST API (FastAPI) and the web page it serves: a thin layer over the store and its review module.

May import the core and the store; it never codes text, it serves what was coded.
"""
