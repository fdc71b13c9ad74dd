#include "r2p/schema.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "r2p/facets.hpp"

TEST_SUITE("schema") {
    using r2p::schema::Field;
    using r2p::schema::field_spec;
    using r2p::schema::kFields;
    using r2p::schema::Slot;

    TEST_CASE("field prefixes and slots are those databases of schema 5 hold") {
        // Changing one would leave every existing database unreadable without a new
        // schema version.
        CHECK(r2p::schema::kSchemaVersion == "5");
        CHECK(field_spec(Field::Theme).prefix == "XT");
        CHECK(field_spec(Field::Role).prefix == "XR");
        CHECK(field_spec(Field::Kind).prefix == "K");
        CHECK(field_spec(Field::Doc).prefix == "XD");
        CHECK(field_spec(Field::Year).prefix == "Y");
        CHECK(field_spec(Field::Country).prefix == "XC");
        CHECK(field_spec(Field::Speaker).prefix == "XN");
        CHECK(field_spec(Field::SpeakerWords).prefix == "XS");
        CHECK(field_spec(Field::Title).prefix == "S");
        CHECK(field_spec(Field::Symbol).prefix == "XU");
        CHECK(field_spec(Field::Theme).slot == Slot::Themes);
        CHECK(field_spec(Field::Role).slot == Slot::Roles);
        CHECK(field_spec(Field::Kind).slot == Slot::Kind);
        CHECK(field_spec(Field::Doc).slot == Slot::Doc);
        CHECK(field_spec(Field::Year).slot == Slot::Year);
        CHECK(field_spec(Field::Country).slot == Slot::Country);
        CHECK(field_spec(Field::Speaker).slot == Slot::Speaker);
        CHECK(r2p::schema::slot(Slot::Date) == 0);
        CHECK(r2p::schema::slot(Slot::Year) == 5);
        CHECK(r2p::schema::slot(Slot::Country) == 6);
        CHECK(r2p::schema::slot(Slot::Speaker) == 7);
        CHECK(r2p::schema::kStemPrefix == "Z");
    }

    TEST_CASE("query names, facet names, filters and prefixes are each used once") {
        std::set<std::string_view> queried;
        std::set<std::string_view> facets;
        std::set<std::string_view> filters;
        std::set<std::string_view> prefixes;
        for (const auto& spec : kFields) {
            CAPTURE(spec.name);
            if (spec.queried) {
                CHECK(queried.insert(spec.name).second);
                CHECK(r2p::schema::find_field(spec.name) == &spec);
            }
            if (spec.slot) CHECK(facets.insert(spec.name).second);
            if (!spec.filter.empty()) CHECK(filters.insert(spec.filter).second);
            CHECK(prefixes.insert(spec.prefix).second);
            CHECK(spec.prefix != r2p::schema::kIdPrefix);
            CHECK(spec.prefix != r2p::schema::kParentPrefix);
            CHECK(spec.prefix != r2p::schema::kStemPrefix);
        }
        // No prefix begins another: "XS" + a word must never read as a term of "XSN...".
        for (const auto& a : prefixes) {
            for (const auto& b : prefixes) {
                if (a != b) CHECK_FALSE(b.substr(0, a.size()) == a);
            }
        }
        CHECK(r2p::schema::find_field("colour") == nullptr);
    }

    TEST_CASE("speaker: in a query searches the words of a name, --speaker the whole name") {
        CHECK(r2p::schema::find_field("speaker") == &field_spec(Field::SpeakerWords));
        CHECK_FALSE(field_spec(Field::Speaker).queried);
        CHECK(field_spec(Field::Speaker).filter == "speaker");
        CHECK(r2p::facet_name(r2p::FacetField::Speaker) == "speaker");
    }

    TEST_CASE("a label key names the field and the value, and none is made too long") {
        CHECK(r2p::schema::label_key(field_spec(Field::Country), "usa") == "label:country:usa");
        CHECK(r2p::schema::label_key(field_spec(Field::Speaker), std::string(300, 'a')).empty());
    }

    TEST_CASE("only boolean fields with a value slot are facets, multi-valued ones are lists") {
        for (const auto f : {r2p::FacetField::Theme, r2p::FacetField::Role, r2p::FacetField::Kind,
                             r2p::FacetField::Doc, r2p::FacetField::Year, r2p::FacetField::Country,
                             r2p::FacetField::Speaker}) {
            CAPTURE(r2p::facet_name(f));
            CHECK(r2p::facet_spec(f).boolean);
            CHECK(r2p::facet_spec(f).slot.has_value());
        }
        CHECK(field_spec(Field::Theme).multi_valued);
        CHECK(field_spec(Field::Role).multi_valued);
        CHECK_FALSE(field_spec(Field::Kind).multi_valued);
        CHECK_FALSE(field_spec(Field::SpeakerWords).boolean);
        CHECK_FALSE(field_spec(Field::Title).boolean);
        CHECK(field_spec(Field::Country).stored_labels);
        CHECK(field_spec(Field::Speaker).stored_labels);
        // Doc ids are unbounded: never a FacetTable.
        CHECK_FALSE(field_spec(Field::Doc).facet_table);
    }

    TEST_CASE("the stemmer stems English") {
        auto stem = r2p::schema::make_stemmer();
        CHECK(stem("prevention") == "prevent");
        CHECK(stem("preventing") == "prevent");
    }
}
