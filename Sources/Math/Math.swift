// Math module
