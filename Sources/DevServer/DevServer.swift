// DevServer module
