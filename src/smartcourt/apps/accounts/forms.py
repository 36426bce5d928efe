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


class RegistrationForm(forms.Form):
    """实名注册 (litigants and lawyers); it shapes input only, ``services.public_user_register`` decides."""

    role = forms.ChoiceField(label="注册身份", choices=[("LITIGANT", "当事人"), ("LAWYER", "律师")])
    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=50)
    id_type = forms.ChoiceField(
        label="证件类型",
        choices=[
            ("RESIDENT_ID", "居民身份证"),
            ("PASSPORT", "护照"),
            ("HK_MACAO_PERMIT", "港澳居民来往内地通行证"),
            ("TAIWAN_PERMIT", "台湾居民来往大陆通行证"),
            ("HMT_RESIDENCE_PERMIT", "港澳台居民居住证"),
            ("FOREIGN_PERMANENT_RESIDENT", "外国人永久居留身份证"),
        ],
    )
    id_number = forms.CharField(label="证件号码", max_length=32)
    phone = forms.CharField(label="手机号码", max_length=20)
    licence_number = forms.CharField(label="律师执业证号（律师填写）", max_length=20, required=False)
    law_firm = forms.CharField(label="执业机构（律师填写）", max_length=100, required=False)
    password = forms.CharField(label="密码", strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(label="确认密码", strip=False, widget=forms.PasswordInput)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password2"):
            self.add_error("password2", "两次输入的密码不一致")
        return data
