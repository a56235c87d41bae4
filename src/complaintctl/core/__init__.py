"""The domain: plain functions over a database connection, no terminal code."""
