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

    TEST_CASE("field prefixes and slots are those databases of schema 4 hold") {
        // Changing one would leave every existing database unreadable without a new
        // schema version.
        CHECK(r2p::schema::kSchemaVersion == "4");
        CHECK(field_spec(Field::Theme).prefix == "XT");
        CHECK(field_spec(Field::Role).prefix == "XR");
        CHECK(field_spec(Field::Kind).prefix == "K");
        CHECK(field_spec(Field::Doc).prefix == "XD");
        CHECK(field_spec(Field::Year).prefix == "Y");
        CHECK(field_spec(Field::Speaker).prefix == "XS");
        CHECK(field_spec(Field::Title).prefix == "S");
        CHECK(field_spec(Field::Theme).slot == Slot::Themes);
        CHECK(field_spec(Field::Role).slot == Slot::Roles);
        CHECK(field_spec(Field::Kind).slot == Slot::Kind);
        CHECK(field_spec(Field::Doc).slot == Slot::Doc);
        CHECK(field_spec(Field::Year).slot == Slot::Year);
        CHECK(r2p::schema::slot(Slot::Date) == 0);
        CHECK(r2p::schema::slot(Slot::Year) == 5);
        CHECK(r2p::schema::kStemPrefix == "Z");
    }

    TEST_CASE("field names and prefixes are each used once") {
        std::set<std::string_view> names;
        std::set<std::string_view> prefixes;
        for (const auto& spec : kFields) {
            CHECK(names.insert(spec.name).second);
            CHECK(prefixes.insert(spec.prefix).second);
            CHECK(spec.prefix != r2p::schema::kIdPrefix);
            CHECK(spec.prefix != r2p::schema::kParentPrefix);
            CHECK(spec.prefix != r2p::schema::kStemPrefix);
            CHECK(r2p::schema::find_field(spec.name) == &spec);
        }
        CHECK(r2p::schema::find_field("colour") == nullptr);
    }

    TEST_CASE("only boolean fields with a value slot are facets, multi-valued ones are lists") {
        for (const auto f : {r2p::FacetField::Theme, r2p::FacetField::Role, r2p::FacetField::Kind,
                             r2p::FacetField::Doc, r2p::FacetField::Year}) {
            CAPTURE(r2p::facet_name(f));
            CHECK(r2p::facet_spec(f).boolean);
            CHECK(r2p::facet_spec(f).slot.has_value());
        }
        CHECK(field_spec(Field::Theme).multi_valued);
        CHECK(field_spec(Field::Role).multi_valued);
        CHECK_FALSE(field_spec(Field::Kind).multi_valued);
        CHECK_FALSE(field_spec(Field::Speaker).boolean);
        CHECK_FALSE(field_spec(Field::Title).boolean);
        // Doc ids are unbounded: never a FacetTable.
        CHECK_FALSE(field_spec(Field::Doc).facet_table);
    }

    TEST_CASE("the stemmer stems English") {
        auto stem = r2p::schema::make_stemmer();
        CHECK(stem("prevention") == "prevent");
        CHECK(stem("preventing") == "prevent");
    }
}
