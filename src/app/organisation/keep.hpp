#pragma once
// Who keeps a unit's "1112" group (R-ORG-1): the district office the district's leading group and
// office, a township (its government or judicial office) its own leading group and its villages'
// working groups. The service refuses the others (GROUP_NOT_YOURS); the routes tell the web app,
// so that it offers 建立机构 / 编辑 / 添加成员 only where the server will accept them.
#include <cstdint>

#include "app/core/context.hpp"
#include "domain/unit_tree.hpp"

namespace anbang::app {

// The unit's groups are the caller's to keep (scope only; the permission is checked apart).
bool keeps_unit_groups(const AuthedCtx& ctx, const domain::UnitTree& tree, std::int64_t unit_id);

// org_group:manage and keeps_unit_groups.
bool can_keep_org_group(const AuthedCtx& ctx, const domain::UnitTree& tree, std::int64_t unit_id);

}  // namespace anbang::app
