from calculators.cli import main

raise SystemExit(main())
