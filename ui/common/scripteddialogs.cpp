#include "ui/common/scripteddialogs.h"

#include <algorithm>

namespace jl::ui {

ScriptedDialogs::Request ScriptedDialogs::lastRequest() const
{
    return m_requests.isEmpty() ? Request{Kind::Information, {}, {}} : m_requests.constLast();
}

int ScriptedDialogs::count(Kind kind) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [kind](const Request &r) { return r.kind == kind; }));
}

void ScriptedDialogs::clear()
{
    m_requests.clear();
    m_answers.clear();
    m_files.clear();
}

void ScriptedDialogs::information(QWidget *, const QString &title, const QString &text)
{
    m_requests.append({Kind::Information, title, text});
}

void ScriptedDialogs::warning(QWidget *, const QString &title, const QString &text)
{
    m_requests.append({Kind::Warning, title, text});
}

void ScriptedDialogs::critical(QWidget *, const QString &title, const QString &text)
{
    m_requests.append({Kind::Critical, title, text});
}

QMessageBox::StandardButton ScriptedDialogs::question(QWidget *, const QString &title,
                                                      const QString &text,
                                                      QMessageBox::StandardButtons,
                                                      QMessageBox::StandardButton defaultButton)
{
    m_requests.append({Kind::Question, title, text});
    return m_answers.isEmpty() ? defaultButton : m_answers.takeFirst();
}

QString ScriptedDialogs::saveFileName(QWidget *, const QString &caption, const QString &,
                                      const QString &)
{
    m_requests.append({Kind::SaveFile, caption, caption});
    return m_files.isEmpty() ? QString() : m_files.takeFirst();
}

QString ScriptedDialogs::openFileName(QWidget *, const QString &caption, const QString &,
                                      const QString &)
{
    m_requests.append({Kind::OpenFile, caption, caption});
    return m_files.isEmpty() ? QString() : m_files.takeFirst();
}

} // namespace jl::ui
