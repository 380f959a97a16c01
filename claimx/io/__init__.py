"""Reading inputs into documents and writing documents out."""
