#include "search/query_tokens.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE("query_tokens") {
    using r2p::detail::QueryToken;

    TEST_CASE("joining the tokens gives the query text back") {
        for (const char* text : {"", "  a  b ", "(x OR \"a b\") -c", "\"unclosed phrase",
                                 "theme:x\"y z\"", "Søvndal’s (R2P)"}) {
            CAPTURE(text);
            CHECK(r2p::detail::join_tokens(r2p::detail::tokenize_query(text)) == text);
        }
    }

    TEST_CASE("a quoted phrase is one token, an unclosed one runs to the end") {
        const auto tokens = r2p::detail::tokenize_query("a \"b c\" (d \"e f");
        std::vector<QueryToken::Kind> kinds;
        for (const auto& t : tokens) kinds.push_back(t.kind);
        CHECK(kinds == std::vector{QueryToken::Word, QueryToken::Space, QueryToken::Quoted,
                                   QueryToken::Space, QueryToken::Open, QueryToken::Word,
                                   QueryToken::Space, QueryToken::Quoted});
        CHECK(tokens[2].text == "\"b c\"");
        CHECK(r2p::detail::quoted_content(tokens[2].text) == "b c");
        CHECK(r2p::detail::quoted_content(tokens.back().text) == "e f");
    }

    TEST_CASE("field names are letters before a colon, after any + or -") {
        CHECK(r2p::detail::field_of("theme:x") == "theme");
        CHECK(r2p::detail::field_of("+-kind:quote") == "kind");
        CHECK(r2p::detail::field_of("12:30").empty());
        CHECK(r2p::detail::field_of(":x").empty());
        CHECK(r2p::detail::is_plain_word({QueryToken::Word, "impunity"}));
        CHECK_FALSE(r2p::detail::is_plain_word({QueryToken::Word, "NEAR/3"}));
        CHECK_FALSE(r2p::detail::is_plain_word({QueryToken::Word, "protect*"}));
        CHECK(r2p::detail::is_proximity_operator("ADJ/2"));
    }

    TEST_CASE("typographic double quotes become ASCII ones and accents are folded") {
        CHECK(r2p::detail::fold_query("\u201Cbań ki-moon\u201D") == "\"ban ki-moon\"");
    }
}
