// LinkCheck module
