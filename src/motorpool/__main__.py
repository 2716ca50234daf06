from motorpool.cli import main

main()
