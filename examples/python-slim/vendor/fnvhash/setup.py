# The C extension cannot be declared in pyproject.toml alone (setuptools 66).
from setuptools import Extension, setup

setup(ext_modules=[Extension("fnvhash._fnv", ["src/fnvhash/_fnv.c"])])
