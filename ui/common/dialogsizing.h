#pragma once

class QDialog;
class QScrollArea;

namespace jl::ui {

// Sizes a dialog whose content scrolls so that the content fits without scrolling when the
// screen allows it (no horizontal scroll bar, every row visible), and never larger than
// the screen: forms stay whole at 100 % and usable at 200 % scaling or with large fonts.
void fitToContent(QDialog *dialog, QScrollArea *scroll);

} // namespace jl::ui
