from hr.entry import main

main()
