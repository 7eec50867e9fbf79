from django.apps import AppConfig


class OpencscConfig(AppConfig):
    name = "opencsc"
    verbose_name = "OpenCSC shell"
