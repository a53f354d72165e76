#include "server/storage/connectionpool.h"

namespace jl::server {

ConnectionPool::ConnectionPool(DatabaseConfig config)
    : m_config(std::move(config))
{}

ConnectionPool::~ConnectionPool()
{
    if (m_connections.hasLocalData())
        m_connections.setLocalData(nullptr); // deletes it
}

Outcome<SqlConnection *> ConnectionPool::local()
{
    if (m_connections.hasLocalData()) {
        SqlConnection *c = m_connections.localData();
        if (c && !c->isBroken())
            return c;
        m_connections.setLocalData(nullptr);
    }
    auto opened = SqlConnection::open(m_config);
    if (!opened)
        return opened.error();
    SqlConnection *c = opened.value().release();
    m_connections.setLocalData(c);
    return c;
}

} // namespace jl::server
