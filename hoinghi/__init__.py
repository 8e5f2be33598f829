"""hoinghi: the annual cycle of workplace democracy and emulation in a Vietnamese public agency."""

__version__ = "0.1.0"
