// Highlight module
