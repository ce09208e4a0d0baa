"""Inspector: field inspection and product sampling for 双随机、一公开 market regulation.

The version lives here and only here; packaging, ``inspector --version`` and the
installer read it from this attribute.
"""

__version__ = "0.1.0"
