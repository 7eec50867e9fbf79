from django.apps import AppConfig


class TraysConfig(AppConfig):
    """Each person's home: My work, My team and the trays of what is due and overdue, the
    homes of the IRO, LADO, personal adviser and private fostering officer, and the navigation
    that leads to them. It reads every area's work, so it sits above them all."""

    name = "trays"
    verbose_name = "Work trays"
