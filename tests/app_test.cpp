#include <doctest/doctest.h>  // suite lands with its module
