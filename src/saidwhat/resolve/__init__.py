"""Resolution: speakers across the document, their roles and types, and source chains."""
