#pragma once

#include <QString>

#include <memory>

class QTranslator;

namespace jl::app {

// The program's own catalogue and Qt's (standard buttons, file dialogs), installed for the
// life of this object.
class Translations final {
public:
    Translations();
    ~Translations();
    Q_DISABLE_COPY_MOVE(Translations)

    // "zh_CN", "en", or empty for the system's language. Returns the language in effect.
    QString install(const QString &language);

private:
    void remove();

    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace jl::app
