#include <gtest/gtest.h>

#include "ioc/warninglist.hpp"

namespace casefile::ioc {
namespace {

using model::IndicatorType;

TEST(Warninglist, SingleAddressEntryCoversOnlyThatAddress) {
    // A bare address is a /32; it once covered the whole IPv4 space (a shift by 32).
    Warninglists lists;
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "resolvers", "type": "cidr", "list": ["8.8.8.8", "2001:4860:4860::8888"]})",
        "test"));
    const auto on = [&](IndicatorType t, std::string_view v) {
        return !lists.lookup(t, v).empty();
    };
    EXPECT_TRUE(on(IndicatorType::ipv4, "8.8.8.8"));
    EXPECT_FALSE(on(IndicatorType::ipv4, "8.8.8.9"));
    EXPECT_FALSE(on(IndicatorType::ipv4, "185.199.109.15"));
    EXPECT_TRUE(on(IndicatorType::ipv6, "2001:4860:4860::8888"));
    EXPECT_FALSE(on(IndicatorType::ipv6, "2001:4860:4860::8844"));
}

TEST(Warninglist, BuiltinListsNameOnlyTheRightRange) {
    const Warninglists lists = Warninglists::builtin();
    const auto names = lists.lookup(IndicatorType::ipv4, "185.199.109.15");
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0], "casefile: GitHub (Pages, web, API)");
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "45.33.32.156").empty());
}

} // namespace
} // namespace casefile::ioc
