"""文书制作 and 瑕疵提示 on the platform (issue 9, items 1 and 3): drafts from the case, defect checks, fixes."""
