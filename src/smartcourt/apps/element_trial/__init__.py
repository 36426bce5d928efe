"""要素式审判 on the platform (issue 9, item 2): the element table of a civil case, the trial outline, the
calculation for the cause and the judgment draft that follows the table."""
