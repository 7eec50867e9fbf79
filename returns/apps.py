from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "returns"
    verbose_name = "Statutory returns: CIN census, SSDA903, Ofsted Annex A"
