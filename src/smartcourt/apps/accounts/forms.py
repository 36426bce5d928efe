from django import forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    """The login form with Chinese messages; django-axes counts the failures."""

    error_messages = {
        "invalid_login": "用户名或密码错误。连续失败多次后账户将被临时锁定。",
        "inactive": "该账户已停用。",
    }

    username = forms.CharField(
        label="用户名", max_length=150, widget=forms.TextInput(attrs={"autofocus": True})
    )
    password = forms.CharField(label="密码", strip=False, widget=forms.PasswordInput)
