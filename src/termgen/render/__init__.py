"""Draft -> Word: the only place that writes .docx (docxtpl, python-docx) or converts to PDF."""
