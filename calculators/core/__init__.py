"""The small core every calculator builds on: messages, forms, outcomes, input hygiene, dated
parameters, packaged files. It knows no rule and no adapter."""
