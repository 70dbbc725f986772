"""Every format redline reads and writes, one module each; `registry` names them, `output`
writes files safely, `labels` maps the interchange formats' labels to redline's roles."""
