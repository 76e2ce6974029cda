// Search module
