// Site reports through the shared diagnostic model; every module that imports Site sees it.
@_exported import Diagnostics
