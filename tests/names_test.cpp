// Tests for lib/src/text/names.cpp: the one form names are compared in.
#include "text/names.hpp"

#include <doctest/doctest.h>

TEST_SUITE("names") {
    TEST_CASE("a name is folded like index terms, with single spaces and none at the ends") {
        CHECK(r2p::fold_name("Jan Eliasson") == "jan eliasson");
        CHECK(r2p::fold_name("  JAN\tELIASSON  ") == "jan eliasson");
        CHECK(r2p::fold_name("Villy Søvndal") == "villy sovndal");
        CHECK(r2p::fold_name("Janez Janša") == "janez jansa");
        CHECK(r2p::fold_name("") == "");
        CHECK(r2p::fold_name("   ") == "");
    }
}
