#include "ioc/indicator.hpp"

namespace casefile::ioc {

std::string_view to_string(IpClass c) {
    switch (c) {
    case IpClass::public_address:
        return "public";
    case IpClass::private_address:
        return "private";
    case IpClass::loopback:
        return "loopback";
    case IpClass::link_local:
        return "link-local";
    case IpClass::cgnat:
        return "cgnat";
    case IpClass::documentation:
        return "documentation";
    case IpClass::multicast:
        return "multicast";
    case IpClass::reserved:
        return "reserved";
    }
    return "reserved";
}

} // namespace casefile::ioc
