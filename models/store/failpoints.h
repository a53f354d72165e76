#pragma once

#include <QString>

// Named failpoints let tests make any store operation fail (STYLE.md: storage fault
// injection). They are armed from the environment, JILIANG_FAILPOINTS="name[=N],…"
// (fail the Nth hit, default the first), or from a test through arm(). Unarmed, a check is
// one atomic load.
namespace jl::models::failpoints {

// True when the named point should fail now.
bool hit(const QString &name);

void arm(const QString &name, int onHit = 1);
void disarmAll();
// Re-reads JILIANG_FAILPOINTS.
void loadFromEnvironment();

} // namespace jl::models::failpoints
