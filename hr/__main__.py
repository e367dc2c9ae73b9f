from hr.entry import console

console()
