// NameReferences: people named with a role, found again by surname.
#include "tag/name_references.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "r2p/schema.hpp"
#include "tag/tag_speakers.hpp"
#include "tag/tag_tokens.hpp"
#include "taxonomy_fixture.hpp"

namespace {

using r2p::detail::Holder;
using r2p::detail::RoleNames;

std::size_t role_index(const std::string& id) {
    const auto& roles = r2p::test::source_taxonomy().roles;
    for (std::size_t r = 0; r < roles.size(); ++r)
        if (roles[r].id == id) return r;
    FAIL("no role " << id);
    return 0;
}

/// The names NameReferences finds in `text` (paragraph `paragraph`), in order.
std::vector<std::string> found_names(const RoleNames& names, const std::string& text,
                                     std::size_t paragraph = 1) {
    const auto stemmer = r2p::schema::make_stemmer();
    const r2p::detail::SpeakerMatcher matcher(r2p::test::source_taxonomy(), stemmer);
    const r2p::detail::NameReferences refs(names, stemmer);
    std::vector<std::string> out;
    const auto tokens = r2p::detail::tokenize(text, stemmer);
    for (const auto& m : refs.find(text, tokens, paragraph, matcher)) {
        CHECK(m.by_name);
        out.push_back(
            *m.name + "@" +
            text.substr(tokens[m.first].begin, tokens[m.last - 1].end - tokens[m.first].begin));
    }
    return out;
}

}  // namespace

TEST_SUITE("name_references") {
    TEST_CASE("a surname alone, after an honorific or a title, or the full name, is the person") {
        RoleNames names(r2p::test::source_taxonomy().roles.size());
        names[role_index("minister")].push_back(Holder{"Amina Okafor", "nigeria", 0});
        names[role_index("secretary-general")].push_back(Holder{"Ban Ki-moon", "", 0});
        CHECK(found_names(names, "Okafor said so.") ==
              std::vector<std::string>{"Amina Okafor@Okafor"});
        CHECK(found_names(names, "Ms. Okafor added and Minister Okafor agreed.") ==
              std::vector<std::string>{"Amina Okafor@Okafor", "Amina Okafor@Okafor"});
        CHECK(found_names(names, "As Amina Okafor put it, Ki-moon was right.") ==
              std::vector<std::string>{"Amina Okafor@Amina Okafor", "Ban Ki-moon@Ki-moon"});
        // "John Okafor" is another person; a lower-case word is not a name.
        CHECK(found_names(names, "John Okafor spoke, as did okafor.").empty());
    }

    TEST_CASE("a shared surname and a name introduced later resolve to no one") {
        RoleNames names(r2p::test::source_taxonomy().roles.size());
        names[role_index("minister")].push_back(Holder{"Amina Okafor", "", 0});
        names[role_index("ambassador")].push_back(Holder{"Daniel Okafor", "", 0});
        names[role_index("special-adviser")].push_back(Holder{"Tomas Varga", "", 3});
        CHECK(found_names(names, "Okafor said so.").empty());
        CHECK(found_names(names, "Varga said so.", 2).empty());
        CHECK(found_names(names, "Varga said so.", 3) ==
              std::vector<std::string>{"Tomas Varga@Varga"});
    }

    TEST_CASE("one person named for two roles keeps the first") {
        RoleNames names(r2p::test::source_taxonomy().roles.size());
        names[role_index("secretary-general")].push_back(Holder{"Amina Okafor", "", 0});
        names[role_index("minister")].push_back(Holder{"Amina Okafor", "", 0});
        const auto stemmer = r2p::schema::make_stemmer();
        const r2p::detail::SpeakerMatcher matcher(r2p::test::source_taxonomy(), stemmer);
        const r2p::detail::NameReferences refs(names, stemmer);
        const std::string text = "Okafor said so.";
        const auto found = refs.find(text, r2p::detail::tokenize(text, stemmer), 0, matcher);
        REQUIRE(found.size() == 1);
        CHECK(found[0].role == role_index("secretary-general"));
        CHECK(refs.may_occur(text));
        CHECK_FALSE(refs.may_occur("Nobody named here."));
    }
}
