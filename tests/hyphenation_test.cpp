// hyphenation: words split by a hyphen at a line end, decided by the document's own
// vocabulary, then a word list, then their shape.
#include <doctest/doctest.h>

#include <string>
#include <unordered_set>

#include "parse/hyphenation.hpp"

using r2p::detail::HyphenJoin;
using r2p::detail::LineEndHyphens;

namespace {

// A small stand-in for the system word lists.
const std::unordered_set<std::string> kWords = {
    "international", "national",    "inter",     "forty",     "ninth",
    "east",          "west",        "secretary", "general",   "peace",
    "keeping",       "cooperation", "co",        "operation", "pre"};

}  // namespace

TEST_SUITE("hyphenation") {
    TEST_CASE("a word in the word list is joined without its hyphen") {
        LineEndHyphens hyphens("We seek inter-\nnational support.", kWords);
        CHECK(hyphens.decide("inter-", "national") == HyphenJoin::kDropHyphen);
    }

    TEST_CASE("two words of the list keep the hyphen that joins them") {
        LineEndHyphens hyphens("the forty-\nninth session", kWords);
        CHECK(hyphens.decide("forty-", "ninth") == HyphenJoin::kKeepHyphen);
        CHECK(hyphens.decide("peace-", "keeping") == HyphenJoin::kKeepHyphen);
    }

    TEST_CASE("a capital after the hyphen keeps it") {
        LineEndHyphens hyphens("the Secretary-\nGeneral and East-\nWest", kWords);
        CHECK(hyphens.decide("Secretary-", "General") == HyphenJoin::kKeepHyphen);
        CHECK(hyphens.decide("East-", "West") == HyphenJoin::kKeepHyphen);
    }

    TEST_CASE("the document's own spelling wins over the word list") {
        LineEndHyphens hyphens("Our co-operation grows. More co-\noperation is due.", kWords);
        CHECK(hyphens.decide("co-", "operation") == HyphenJoin::kKeepHyphen);
        LineEndHyphens joined("peacekeeping works; peace-\nkeeping saves lives", kWords);
        CHECK(joined.decide("peace-", "keeping") == HyphenJoin::kDropHyphen);
    }

    TEST_CASE("a suspended compound keeps its hyphen and its space") {
        LineEndHyphens hyphens("pre-\nand post-conflict", kWords);
        CHECK(hyphens.decide("pre-", "and") == HyphenJoin::kKeepHyphenAndSpace);
    }

    TEST_CASE("without any word list, lower case on both sides joins") {
        const std::unordered_set<std::string> none;
        LineEndHyphens hyphens("inter-\nnational and Secretary-\nGeneral", none);
        CHECK(hyphens.decide("inter-", "national,") == HyphenJoin::kDropHyphen);
        CHECK(hyphens.decide("Secretary-", "General") == HyphenJoin::kKeepHyphen);
    }

    TEST_CASE("split words left inside a line are rejoined the same way") {
        const std::string text =
            "inter- national peace- keeping, the Secretary- General, pre- and post-war, "
            "force - we act";
        LineEndHyphens hyphens(text, kWords);
        CHECK(r2p::detail::rejoin_split_words(text, hyphens) ==
              "international peace-keeping, the Secretary-General, pre- and post-war, "
              "force - we act");
    }

    TEST_CASE("the system word lists load once and hold common words") {
        const auto& words = r2p::detail::system_words();
        REQUIRE_MESSAGE(!words.empty(), "install wamerican and wbritish (scripts/setup.sh)");
        CHECK(words.count("international") == 1);
        CHECK(&words == &r2p::detail::system_words());
    }
}  // TEST_SUITE
