from django.apps import AppConfig


class DfeFeedConfig(AppConfig):
    name = "dfe_feed"
    verbose_name = "The DfE's daily children's social care data feed"
